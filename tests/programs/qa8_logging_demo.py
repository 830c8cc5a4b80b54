import logging, sys
logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(levelname)-8s %(name)s: %(message)s")
log = logging.getLogger("app")
log.debug("debug %d", 1)
log.info("info %s", "msg")
log.warning("warn")
sub = logging.getLogger("app.db")
sub.error("db error: %r", {"code": 5})
sub.setLevel(logging.ERROR)
sub.warning("hidden")
sub.critical("shown")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed to divide")
h = logging.StreamHandler(sys.stdout)
h.setFormatter(logging.Formatter("[%(levelname)s] %(funcName)s:%(lineno)d %(message)s"))
other = logging.getLogger("other")
other.propagate = False
other.addHandler(h)
def work():
    other.info("not shown, level WARNING inherited? %s", other.getEffectiveLevel())
    other.warning("from work")
work()
print(logging.getLevelName(10), logging.getLevelName("ERROR"), log.isEnabledFor(logging.INFO), log.name, log.parent.name)
class Ctx(logging.Filter):
    def filter(self, rec):
        rec.user = "bob"
        return "secret" not in rec.getMessage()
h.addFilter(Ctx())
h.setFormatter(logging.Formatter("%(user)s %(message)s"))
other.warning("visible"); other.warning("has secret")
logging.disable(logging.CRITICAL)
log.critical("disabled")
logging.disable(logging.NOTSET)
log.log(25, "custom level %s", "25")
logging.addLevelName(25, "NOTICE")
log.log(25, "named now")
print(logging.getLogger() is logging.root, logging.getLogger("app") is log)
