import subprocess

subprocess.os.environ.setdefault("THOR_SCHEDULER_MODE", "legacy")
