"""The topic taxonomy lawyers attach to works and provisions (labour migration, wages, OSH …)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.label()

    def label(self, lang: str | None = None) -> str:
        """The label in ``lang`` (a Django language code), falling back to Russian, English, then the slug."""
        wanted = [lang or (get_language() or "ru")[:2], "ru", "en"]
        labels = {t.lang: t.label for t in self.labels.all()}
        return next((labels[code] for code in wanted if code in labels), self.slug)


class TopicLabel(models.Model):
    """A topic's name in one language: a row per language, never a column per language."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="labels")
    lang = models.CharField(
        _("language"), max_length=8, help_text=_("Django language code: ru, kk, en, ky, uz, tg")
    )
    label = models.CharField(_("label"), max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["topic", "lang"], name="topic_label_once_per_lang")]

    def __str__(self) -> str:
        return self.label
