"""Partnerskapsverktøyet's checklist engine.

The package root and the modules it imports use the standard library only, so the
same code runs in CPython at build time and in Pyodide in the browser. Build-time
modules that need third-party packages (``yamlsource``, ``generator``) import them
inside functions.
"""

from __future__ import annotations

__version__ = "0.1.0"
