"""Renamed keyword arguments: the old name keeps working for one release, with a warning.

>>> @renamed_arguments(stopwords="drop_stopwords")
... def count(text, *, drop_stopwords=True):
...     return drop_stopwords
>>> import warnings
>>> with warnings.catch_warnings(record=True) as w:
...     warnings.simplefilter("always")
...     count("进一步加强", stopwords=False), w[0].category.__name__
(False, 'DeprecationWarning')
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import TypeVar

F = TypeVar("F", bound=Callable)

# every renamed argument of the package: (function's qualified name, old, new); filled by the
# decorator as modules are imported (the CHANGELOG lists them, the tests call each)
RENAMED: list[tuple[str, str, str]] = []


def renamed_arguments(**old_to_new: str) -> Callable[[F], F]:
    """Decorator: each keyword argument ``old`` of the function is now called ``new`` (same
    meaning, same values). A call with ``old=`` warns (``DeprecationWarning``, naming both) and
    passes the value as ``new=``; a call with both raises ``TypeError``. The old names are listed
    in the wrapper's ``__renamed__`` and in :data:`RENAMED`."""

    def decorate(func: F) -> F:
        name = f"{func.__module__}.{func.__qualname__}"

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for old, new in old_to_new.items():
                if old in kwargs:
                    if new in kwargs:
                        raise TypeError(f"{func.__name__}() got both {old}= (the old name) and "
                                        f"{new}=")
                    warnings.warn(f"{func.__name__}(): {old}= is deprecated, use {new}= (same "
                                  f"meaning); {old}= goes in the next release / 参数 {old}= "
                                  f"已更名为 {new}=", DeprecationWarning, stacklevel=2)
                    kwargs[new] = kwargs.pop(old)
            return func(*args, **kwargs)

        wrapper.__renamed__ = {**getattr(func, "__renamed__", {}), **old_to_new}
        RENAMED.extend((name, old, new) for old, new in old_to_new.items())
        return wrapper  # type: ignore[return-value]

    return decorate


# every changed default: (function's qualified name, argument, old default, new default)
CHANGED_DEFAULTS: list[tuple[str, str, object, object]] = []


def changed_default(**changes: tuple[object, object]) -> Callable[[F], F]:
    """Decorator: the default of each keyword argument ``name`` changed from ``old`` to ``new``
    (``name=(old, new)``; the signature holds ``new``, which applies). For one release a call
    that leaves the argument out warns (``FutureWarning``: pass it to keep the old result or to
    silence the warning)."""

    def decorate(func: F) -> F:
        name = f"{func.__module__}.{func.__qualname__}"

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for arg, (old, new) in changes.items():
                if arg not in kwargs:
                    warnings.warn(f"{func.__name__}(): the default of {arg}= is now {new!r} (it "
                                  f"was {old!r}); pass {arg}= to choose / {arg}= 的默认值已由 "
                                  f"{old!r} 改为 {new!r}", FutureWarning, stacklevel=2)
            return func(*args, **kwargs)

        wrapper.__changed_defaults__ = dict(changes)
        CHANGED_DEFAULTS.extend((name, a, o, n) for a, (o, n) in changes.items())
        return wrapper  # type: ignore[return-value]

    return decorate
