# `import pkg.util as util` and `from pkg import util` read the package's attribute `util`, which pkg/__init__.py rebinds.
# expect: start_alias TG009 'pkg.util' is not the module pkg.util
# expect: start_from TG009 'pkg.util' is not the module pkg.util
# expect: start_dotted TG009 pkg/__init__.py binds 'util' at line
# expect: start_good ok
import threading

import good.util
import pkg.util
import pkg.util as util
from good import util as good_util
from pkg import util as from_util


def start_alias():
    if util.is_hb():
        return
    threading.Thread(target=print).start()


def start_from():
    if from_util.is_hb():
        return
    threading.Thread(target=print).start()


def start_dotted():
    if pkg.util.is_hb():
        return
    threading.Thread(target=print).start()


def start_good():
    if good_util.is_hb() and good.util.is_hb():
        return
    threading.Thread(target=print).start()
