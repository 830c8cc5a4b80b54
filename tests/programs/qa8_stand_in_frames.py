# Functions CPython implements in C (datetime, decimal, asyncio's Future and Task,
# pickle's Pickler) leave no traceback entries of their own.
import traceback, datetime, decimal, asyncio, pickle

def frames(fn):
    try:
        fn()
    except Exception as e:
        tb = traceback.extract_tb(e.__traceback__)
        names = [f.name for f in tb]
        print(f"{type(e).__name__}: {e} | frames: {names}")

frames(lambda: datetime.date(2023, 2, 30))
frames(lambda: datetime.time(12, 60))
frames(lambda: datetime.timedelta(days=10**9))
frames(lambda: datetime.date(2020, 1, 1) + 1)
frames(lambda: datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc) < datetime.datetime(2020, 1, 1))
frames(lambda: datetime.datetime.strptime("2023-01-01", "%d/%m/%Y"))
frames(lambda: decimal.Decimal("abc"))
frames(lambda: decimal.Decimal(1) / decimal.Decimal(0))
frames(lambda: decimal.Decimal("1.5").quantize(decimal.Decimal("1e-100")))

class BadTz(datetime.tzinfo):
    def utcoffset(self, dt):
        raise RuntimeError("user tzinfo failed")
frames(lambda: datetime.datetime(2020, 1, 1, tzinfo=BadTz()).utcoffset())

async def boom():
    await asyncio.sleep(0)
    raise ValueError("in coroutine")
frames(lambda: asyncio.run(boom()))

async def waits():
    t = asyncio.create_task(boom())
    await t
frames(lambda: asyncio.run(waits()))

class Unpicklable:
    def __reduce__(self):
        raise TypeError("refusing to pickle")
frames(lambda: pickle.dumps([1, Unpicklable()]))
frames(lambda: pickle.loads(b""))

def report():
    try:
        datetime.date(2024, 13, 1)
    except ValueError:
        print(traceback.format_exc().splitlines()[-1], len(traceback.format_exc().splitlines()))
report()
d = datetime.date(2024, 2, 29)
d.year = 2025
