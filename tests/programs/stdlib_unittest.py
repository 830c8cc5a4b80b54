import io
import sys
import unittest


class Calc:
    def add(self, a, b):
        return a + b

    def div(self, a, b):
        return a / b


class TestCalc(unittest.TestCase):
    def setUp(self):
        self.c = Calc()

    def test_add(self):
        self.assertEqual(self.c.add(2, 3), 5)
        self.assertNotEqual(self.c.add(2, 2), 5)

    def test_div(self):
        self.assertAlmostEqual(self.c.div(1, 3), 0.3333333, places=5)
        with self.assertRaises(ZeroDivisionError):
            self.c.div(1, 0)
        self.assertRaisesRegex(ZeroDivisionError, "division", self.c.div, 1, 0)

    def test_misc(self):
        self.assertTrue([1])
        self.assertFalse("")
        self.assertIn(3, [1, 2, 3])
        self.assertIsNone(None)
        self.assertIsInstance(1, int)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertGreater(3, 2)
        self.assertDictEqual({"a": 1}, {"a": 1})
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 5)

    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_error(self):
        raise KeyError("boom")

    @unittest.skip("not today")
    def test_skip(self):
        pass

    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(1, 2)


class TestOther(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.shared = [1]

    def test_shared(self):
        self.assertEqual(self.shared, [1])

    def test_multiline(self):
        self.assertEqual("a\nb\nc\n", "a\nB\nc\n")


stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(TestCalc)
suite.addTests(unittest.TestLoader().loadTestsFromTestCase(TestOther))
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures))
print(result.wasSuccessful())
out = stream.getvalue()
for line in out.splitlines():
    if line.startswith("Ran "):
        print("Ran N tests")
    elif "Error:" in line or "AssertionError" in line or line.endswith(("ok", "FAIL", "ERROR", "skipped 'not today'", "expected failure")):
        print(line)
    elif line.startswith(("-", "+", "?", "  File")):
        print(line if not line.startswith("  File") else "  File ...")
