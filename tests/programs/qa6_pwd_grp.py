# The pwd and grp modules (getpass.getuser() falls back on pwd when USER/LOGNAME are
# unset), and platform.python_version(), which parses sys.version.
import getpass
import grp
import os
import platform
import pwd

r = pwd.getpwuid(0)
print(r.pw_name, r.pw_uid, r.pw_gid, r[0], len(r), type(r).__name__, isinstance(r, tuple))
print(pwd.getpwnam("root") == r, type(pwd.struct_passwd).__name__, pwd.struct_passwd.n_fields)
print(isinstance(getpass.getuser(), str), pwd.getpwuid(os.getuid()).pw_uid == os.getuid())
print(any(p.pw_name == "root" for p in pwd.getpwall()))
for f, a in [(pwd.getpwnam, "no_such_user_qa6"), (pwd.getpwuid, 987654), (pwd.getpwuid, "0"), (grp.getgrgid, 1.5),
             (grp.getgrnam, "no_such_group_qa6")]:
    try:
        f(a)
    except (KeyError, TypeError) as e:
        print(type(e).__name__, e)
g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, grp.getgrnam("root").gr_gid, any(x.gr_gid == 0 for x in grp.getgrall()))
print(os.path.expanduser("~root"))
v = platform.python_version()
print(v.startswith("3.11."), platform.python_version_tuple()[:2])
