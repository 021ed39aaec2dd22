"""What search keeps in the database: the experience of earlier consultations (experience.py)."""

from __future__ import annotations

from django.db import models


class Experience(models.Model):
    """One cited provision for one de-identified question: "a question like this was answered with it".

    Only what experience.record keeps: the question with names, numbers, e-mail addresses and phone numbers
    removed, its terms, and the provision cited (work URI and eId). Nothing of a case (who asked, when,
    which centre) is here.
    """

    text = models.TextField(help_text="the question, de-identified")
    terms = models.TextField(help_text="its informative terms (question mode), space-separated")
    lang = models.CharField(max_length=3)
    work = models.CharField(max_length=255, help_text="FRBR work URI of the cited act")
    eid = models.CharField(max_length=255, help_text="eId of the cited provision")
    #: the de-identified question's meaning vector (float32, the search encoder's), so that a later question
    #: told in other words finds it; empty where the encoder was off when it was recorded
    vector = models.BinaryField(null=True, blank=True, editable=False)
    recorded = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["work", "eid"])]

    def __str__(self) -> str:
        return f"{self.work}/~{self.eid}"
