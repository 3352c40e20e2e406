from decorators import run_now as call_at_import  # re-exported: asked in decorators.py

__all__ = ["call_at_import"]
