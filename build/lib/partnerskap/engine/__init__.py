"""The checklist engine that runs in the browser (Pyodide) and in tests (CPython).

Standard library only. It works on the compiled definition JSON and on answer
documents; it never touches the DOM or storage (the browser glue does that).
"""
