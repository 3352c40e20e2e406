"""libcst codemods that insert, repair and migrate scheduler-mode guards (DESIGN §4).

The main command is :class:`codemods.scheduler_guard.SchedulerGuardCommand`;
``thor-guard apply`` drives the same command, and libcst's own runner can too::

    python -m libcst.tool codemod --no-format -x codemods.scheduler_guard.SchedulerGuardCommand PATH
"""
