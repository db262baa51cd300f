"""Cells a spreadsheet would run as formulas are neutralised; other values are left alone."""

import datetime

from django.test import SimpleTestCase

from operations.exports import neutralise


class NeutraliseTests(SimpleTestCase):
    def test_text_starting_a_formula_gets_an_apostrophe(self):
        for value in ["=1+1", "+39 02 1234", "-2+3", "@SUM(A1)", "\tx", "\rx"]:
            with self.subTest(value=value):
                self.assertEqual(neutralise(value), f"'{value}")

    def test_other_values_are_unchanged(self):
        for value in ["Anna", "", "a=b", 42, -3, None, datetime.date(2026, 1, 1)]:
            with self.subTest(value=value):
                self.assertEqual(neutralise(value), value)
