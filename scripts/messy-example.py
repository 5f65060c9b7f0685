#!/usr/bin/env python3
"""Writes examples/messy: the demo CRM data (examples/crm) as real exports write it.

The rows are the same; only their spelling changes, so every library metric gives the same answer
on both folders (a test checks it). Deterministic: the same input always gives the same files.

    scripts/messy-example.py [examples/crm] [examples/messy]
"""
import csv
import gzip
import io
import os
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "examples/crm"
out = sys.argv[2] if len(sys.argv) > 2 else "examples/messy"
os.makedirs(out, exist_ok=True)


def rows(name):
    with open(os.path.join(src, name + ".csv"), newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write(path, table, delimiter=",", compress=False, crlf=False):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n" if crlf else "\n").writerows(table)
    data = buffer.getvalue().encode("utf-8")
    if compress:
        # mtime=0 keeps the bytes the same from run to run.
        data = gzip.compress(data, compresslevel=9, mtime=0)
    with open(os.path.join(out, path), "wb") as f:
        f.write(data)


def us_date(iso):
    """2024-03-05 -> 03/05/2024 (an empty field stays empty)."""
    return f"{iso[5:7]}/{iso[8:10]}/{iso[0:4]}" if iso else ""


def spaced(ts):
    """2024-03-05T10:20:30Z -> 2024-03-05 10:20:30 (UTC without saying so, as many exports do)."""
    return ts.replace("T", " ").rstrip("Z") if ts else ""


def money(amount):
    """1234.5 -> $1,234.50, with accounting parentheses for a negative amount."""
    if not amount:
        return ""
    value = float(amount)
    text = f"${abs(value):,.2f}"
    return f"({text})" if value < 0 else text


def decimal_comma(amount):
    """1234.50 -> 1.234,50"""
    if not amount:
        return ""
    whole, _, fraction = amount.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction.ljust(2, '0')}"


def convert(table, columns, function):
    head, body = table[0], table[1:]
    indexes = [head.index(c) for c in columns]
    return [head] + [[function(v) if i in indexes else v for i, v in enumerate(row)] for row in body]


# A CRM export: US dates, Windows line breaks, and its own header for the signup date.
customers = convert(rows("customers"), ["signup_date", "churn_date"], us_date)
customers[0] = ["Customer ID" if c == "id" else "Signup Date" if c == "signup_date" else c for c in customers[0]]
write("customers.csv", customers, crlf=True)
# Billing: compressed.
write("orders.csv.gz", rows("orders"), compress=True)
# Sales: money as a spreadsheet shows it.
write("deals.csv", convert(rows("deals"), ["amount"], money))
# Marketing spend from a European spreadsheet: semicolons and a decimal comma.
write("spend.csv", convert(rows("spend"), ["amount"], decimal_comma), delimiter=";")
# Support and commerce: timestamps with a space.
write("tickets.csv", convert(rows("tickets"), ["opened_at", "first_response_at", "resolved_at"], spaced))
write("carts.csv", convert(rows("carts"), ["created_at"], spaced))
# Leads as tab-separated values, surveys with semicolons.
write("leads.tsv", rows("leads"), delimiter="\t")
write("surveys.csv", rows("surveys"), delimiter=";")
