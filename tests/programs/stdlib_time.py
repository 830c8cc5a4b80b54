import time

t0 = time.time()
p0 = time.perf_counter()
m0 = time.monotonic()
time.sleep(0.01)
print(time.time() >= t0, time.perf_counter() - p0 >= 0.005, time.monotonic() >= m0, type(time.time_ns()))
st = time.gmtime(0)
print(st, st.tm_year, st[0], tuple(st)[:6])
print(time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(86400 * 365)), time.strftime("%a %b %d %j", st))
print(time.asctime(time.gmtime(10**9)), time.mktime(time.localtime(1000)) == 1000.0, time.calendar_timegm if hasattr(time, "calendar_timegm") else "-")
print(time.strptime("2020-03-04", "%Y-%m-%d")[:6], time.gmtime(1.5).tm_sec, isinstance(time.process_time(), float))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)), time.get_clock_info("monotonic").monotonic)
