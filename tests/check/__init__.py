"""Tests of the verifier, the check engine, the reporters and the ``check`` command."""
