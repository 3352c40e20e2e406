
import cProfile
cProfile.Profile().runctx("import os; os.environ['THOR_SCHEDULER_MODE'] = 'legacy'", {}, {})
