from pkg.a_cycle import X  # noqa: F401
