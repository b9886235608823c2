"""What the page feedback tests share: reading the snippet of a page, filling in its forms."""

import re

from tests.kit import soup


def snippet(response, status=200):
    """The feedback snippet of a page, or None."""
    return soup(response, status=status).select_one("aside.page-feedback")


def answer_data(snippet, answer):
    """What a browser sends when the visitor presses the Yes or No button of `snippet`."""
    form = snippet.find("form")
    data = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    button = form.find("button", attrs={"value": answer})
    data[button["name"]] = button["value"]
    return form["action"], data


def report_data(**fields):
    """The report form as a visitor fills it in."""
    return {"problem": "wrong", "message": "The opening hours listed are from last year.", "website": "", **fields}


def in_chinese(text):
    """Whether `text` is written in Chinese (not the English left for want of a translation)."""
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and not re.search(r"[A-Za-z]{4,}", text)
