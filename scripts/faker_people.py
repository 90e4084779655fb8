"""Shared by the name-list generators: the person providers of the Faker
package (MIT) and their name lists, whatever container a locale uses."""
import importlib
import pkgutil

import faker.providers.person as person


def items(v):
    """The names in a provider attribute: dict keys (weighted lists) or the
    elements of a list, tuple or set; nothing for anything else."""
    if isinstance(v, dict):
        return list(v.keys())
    if isinstance(v, (list, tuple, set, frozenset)):
        return list(v)
    return []


def providers():
    """Every locale's person provider class, in locale order."""
    for m in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        try:
            yield importlib.import_module("faker.providers.person." + m.name).Provider
        except Exception:
            continue


def names(prov, attr):
    """The stripped names of one attribute of a provider."""
    return [x.strip() for x in items(getattr(prov, attr, None))]
