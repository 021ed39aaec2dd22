"""Provisions (the tree of an expression), the publisher's notes on them, and references between them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..akn.uri import provision_uri
from .topics import Topic
from .works import Expression, Work


class Provision(models.Model):
    """One node of an expression's tree, addressed by its AKN eId.

    The eId is the same for the same provision in every language and on every date: it is how a reader
    moves from an article to its translation or to an earlier wording. ``order`` is the pre-order position
    in the document, so a whole act reads back with one indexed query.
    """

    class Kind(models.TextChoices):
        PREAMBLE = "preamble", _("Preamble")
        PART = "part", _("Part")
        SECTION = "section", _("Section")
        CHAPTER = "chapter", _("Chapter")
        ARTICLE = "article", _("Article")
        PARAGRAPH = "paragraph", _("Paragraph")
        POINT = "point", _("Point")
        SUBPOINT = "subpoint", _("Subpoint")
        ANNEX = "annex", _("Annex")

    expression = models.ForeignKey(Expression, on_delete=models.CASCADE, related_name="provisions")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    eid = models.CharField(_("eId"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    num = models.CharField(_("number"), max_length=32, blank=True, help_text=_('As printed: "113", "12-1"'))
    heading = models.TextField(_("heading"), blank=True)
    text = models.TextField(
        _("text"), blank=True, help_text=_("The provision's own text, before its children")
    )
    wrap_up = models.TextField(_("closing text"), blank=True, help_text=_("Text after the children"))
    status = models.CharField(
        _("status"),
        max_length=16,
        blank=True,
        default="",
        help_text=_('Empty for law in force; "repealed" for a provision the text keeps only as repealed'),
    )
    order = models.PositiveIntegerField(_("order"))
    depth = models.PositiveSmallIntegerField(_("depth"), default=0)
    topics = models.ManyToManyField(Topic, blank=True, related_name="provisions")

    class Meta:
        ordering = ["expression", "order"]
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        constraints = [models.UniqueConstraint(fields=["expression", "eid"], name="eid_unique_in_expression")]
        indexes = [models.Index(fields=["expression", "order"]), models.Index(fields=["eid"])]

    def __str__(self) -> str:
        return provision_uri(self.expression.work.frbr_uri, self.eid)


class EditorialNote(models.Model):
    """A note of the publisher ("Сноска. …"): shown apart from the law and never searched as law."""

    expression = models.ForeignKey(Expression, on_delete=models.CASCADE, related_name="notes")
    provision = models.ForeignKey(
        Provision, null=True, blank=True, on_delete=models.CASCADE, related_name="notes"
    )
    kind = models.CharField(_("kind"), max_length=16, default="editorial")
    text = models.TextField(_("text"))
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["expression", "order"]
        verbose_name = _("editorial note")
        verbose_name_plural = _("editorial notes")

    def __str__(self) -> str:
        return self.text[:80]


class Reference(models.Model):
    """A citation found in a provision's text, linked to the work and eId it points at.

    The target is (work, eId), not a provision row, because which wording it reaches depends on the date
    and language the reader is looking at.
    """

    source = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="references_out")
    target_work = models.ForeignKey(
        Work, null=True, blank=True, on_delete=models.SET_NULL, related_name="references_in"
    )
    target_eid = models.CharField(_("target eId"), max_length=255, blank=True)
    citation = models.CharField(_("citation as written"), max_length=500)
    start = models.PositiveIntegerField(_("start offset"), default=0)
    end = models.PositiveIntegerField(_("end offset"), default=0)

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        indexes = [models.Index(fields=["target_work", "target_eid"])]

    def __str__(self) -> str:
        return self.citation
