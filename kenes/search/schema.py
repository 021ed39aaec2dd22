"""The search index's schema: its fields, what they hold, and the small codes the ranking reads.

Apart from index.py (opening, writing, staleness) so that the engine, which reads these codes to rank, and
the index, which writes them, both depend on it rather than on each other.
"""

from __future__ import annotations

import datetime as dt

import tantivy

from kenes.lex.models import Provision, WorkType

#: Bumped whenever the schema or what goes into a field changes: an index of another version is rebuilt.
SCHEMA_VERSION = 7  # 7: zero-width characters dropped inside words (analysis._DROPPED)
FAR_FUTURE = dt.date(2200, 1, 1)  # tantivy dates end in 2262
#: Snippet source kept per entry; longer texts are cut. The snippet scans the first snippets.SCAN_CHARS
#: (1,200) and shows up to 240 past its window's start: 1,600 give the same snippets as the whole text, and
#: the 1M-entry bench index is 475 instead of 512 MB (4,000 before).
STORED_TEXT_CHARS = 1600

WORK_TYPE_CODES = {value: i + 1 for i, value in enumerate(WorkType.values)}
KIND_CODES = {value: i + 1 for i, value in enumerate(Provision.Kind.values)}
PROVISION, MARKER = "p", "x"


#: ``group`` = expression id * GROUP_SPAN + the order of the article: hits of one article collapse.
GROUP_SPAN = 1_000_000


#: bits of each part of ``priors``, lowest first: a work type code, a provision kind code, whether it (or its
#: article) sets a penalty (intents.yaml), and the day ordinals the work commenced and was repealed (0 and
#: FAR_FUTURE's when unknown; 20 bits reach the year 2870)
_PRIOR_BITS = (("type_code", 6), ("kind_code", 6), ("sanction", 1), ("commenced", 20), ("repealed", 20))


def pack_priors(*, type_code: int, kind_code: int, sanction: int, commenced: int, repealed: int) -> int:
    """What a hit's priors depend on, as one number. Why one: the ranking reads it for every hit of its
    window from a fast field, and each field read is a call into the index (five of them were a tenth of
    a keyword request at 1M entries)."""
    given = {"type_code": type_code, "kind_code": kind_code, "sanction": sanction}
    given |= {"commenced": commenced, "repealed": repealed}
    packed, shift = 0, 0
    for name, bits in _PRIOR_BITS:
        value = given[name]
        if not 0 <= value < 1 << bits:
            raise ValueError(f"{name} {value} does not fit the index's {bits} bits")
        packed |= value << shift
        shift += bits
    return packed


def unpack_priors(packed: int) -> tuple[int, int, int, int, int]:
    """:func:`pack_priors` undone: type code, kind code, sanction, commenced, repealed."""
    out = []
    for _name, bits in _PRIOR_BITS:
        out.append(packed & ((1 << bits) - 1))
        packed >>= bits
    return tuple(out)  # type: ignore[return-value]


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    # what the entry is, for updates and filters
    sb.add_text_field("rec", tokenizer_name="raw")
    sb.add_integer_field("work_id", stored=True, indexed=True, fast=True)
    sb.add_integer_field("expr_id", stored=True, indexed=True)
    sb.add_text_field("work", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("jurisdiction", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("work_type", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("lang", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("topic", stored=True, tokenizer_name="raw", fast=True)
    sb.add_text_field("eid", stored=True, tokenizer_name="raw")
    sb.add_date_field("date_from", stored=True, indexed=True, fast=True)
    # indexed, not fast: "in force on the day" is date_from <= day < date_to, and few entries' date_to lies
    # after today (the current editions' far future, a few announced ones), so its range is a union of a
    # few posting lists, while as a fast field it was a scan of every entry's column. At 1M entries the
    # raw engine query went from p50/p95/p99 5.1/16.4/21.4 to 2.9/7.4/10.1 ms (the same queries, indexes
    # built side by side, timed in turn). date_from stays fast: nearly every entry began before the day,
    # and there the column scan beat the posting lists (both fields indexed only: p95 11.3; date_to fast
    # and date_from indexed only: 19.6).
    sb.add_date_field("date_to", indexed=True, fast=False)
    # numbers the ranking reads for the top hits (fast fields: no stored document is opened)
    sb.add_integer_field("group", fast=True)  # expression and article: hits of one article collapse
    sb.add_integer_field("priors", fast=True)  # pack_priors: what the priors of a hit depend on
    # analysed text (whitespace-separated terms from analysis.analyse)
    sb.add_text_field("heading", tokenizer_name="whitespace")
    sb.add_text_field("body", tokenizer_name="whitespace")
    sb.add_text_field("sub", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("path", tokenizer_name="whitespace", index_option="freq")
    sb.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    # an article's heading and whole text as the words are written (casefolded, not stemmed): a question
    # that uses the law's own wording is matched exactly (analysis.forms)
    sb.add_text_field("forms", tokenizer_name="whitespace", index_option="freq")
    # shown in results
    sb.add_text_field("num", stored=True, tokenizer_name="raw")
    sb.add_text_field("kind", stored=True, tokenizer_name="raw")
    sb.add_text_field("heading_text", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("text", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("work_title", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("stamp", stored=True, tokenizer_name="raw")
    return sb.build()
