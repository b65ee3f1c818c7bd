"""The plugin manager: which plugins are loaded, and how.

Loading happens once, lazily, on the first call to :func:`get_plugin_manager`:

1. the default plugins, by module name (:data:`DEFAULT_PLUGINS`), so they load
   even when entry points are unavailable;
2. installed plugins from the ``claimtrack`` entry-point group, one at a time:
   a plugin that fails to import, or implements a hook that does not exist (a
   misspelled name), is reported on stderr by name and left out, and the rest
   still load. ``CLAIMTRACK_LOAD_PLUGINS`` (comma-separated entry-point
   names) restricts which ones load; set it to an empty string to load none;
3. loose ``*.py`` files from each ``--plugins-dir`` (or
   ``CLAIMTRACK_PLUGINS_DIR``) directory, checked the same way.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import os
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pluggy

from claimtrack import hookspecs

#: Built-in plugins, registered by module name. The ``claimtrack.*`` ones are
#: part of the core; the others live in ``plugins/`` and use only the public
#: API, as a third-party plugin would.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "claimtrack.default_plugins",
    "claimtrack.importers",
    "claimtrack.exporters",
    "claimtrack_figures",
    "claimtrack_arabic",
    "claimtrack_english",
    "claimtrack_linker",
    "claimtrack_e5",
    "claimtrack_html",
    "claimtrack_feeds",
    "claimtrack_claimreview",
)

ENTRY_POINT_GROUP = "claimtrack"

_pm: pluggy.PluginManager | None = None
#: Distribution versions of entry-point plugins, by plugin name.
plugin_versions: dict[str, str] = {}


def new_plugin_manager() -> pluggy.PluginManager:
    """A plugin manager with claimtrack's hookspecs and nothing registered."""
    pm = pluggy.PluginManager("claimtrack")
    pm.add_hookspecs(hookspecs)
    return pm


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, loading plugins on first use."""
    global _pm
    if _pm is None:
        pm = new_plugin_manager()
        for name in DEFAULT_PLUGINS:
            pm.register(importlib.import_module(name), name=name)
        pm.check_pending()
        _pm = pm
        load_entry_points(pm)
        env_dirs = os.environ.get("CLAIMTRACK_PLUGINS_DIR")
        if env_dirs:
            for directory in env_dirs.split(os.pathsep):
                load_plugins_dir(directory, pm)
    return _pm


def _warn(message: str) -> None:
    print(f"claimtrack: warning: {message}", file=sys.stderr)


def _register_checked(pm: pluggy.PluginManager, plugin: ModuleType | object, name: str) -> bool:
    """Register ``plugin`` and verify its hooks exist; unregister it and warn
    (naming it) if not."""
    try:
        pm.register(plugin, name=name)
        pm.check_pending()
    except Exception as exc:  # pluggy.PluginValidationError and ValueError
        if pm.is_registered(plugin):
            pm.unregister(plugin)
        unknown = re.search(r"unknown hook '(\w+)'", str(exc))
        reason = f"it implements unknown hook {unknown.group(1)!r} (misspelled?)" if unknown else str(exc)
        _warn(f"plugin {name!r} not loaded: {reason}")
        return False
    return True


def load_entry_points(pm: pluggy.PluginManager) -> None:
    """Load plugins from the ``claimtrack`` entry-point group, one at a time,
    honouring ``CLAIMTRACK_LOAD_PLUGINS``."""
    allow = os.environ.get("CLAIMTRACK_LOAD_PLUGINS")
    allowed = None if allow is None else {n.strip() for n in allow.split(",") if n.strip()}
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if allowed is not None and ep.name not in allowed:
            continue
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue
        try:
            plugin = ep.load()
        except Exception as exc:
            _warn(f"plugin {ep.name!r} failed to load: {type(exc).__name__}: {exc}")
            continue
        if _register_checked(pm, plugin, ep.name) and ep.dist is not None:
            plugin_versions[ep.name] = ep.dist.version


def load_plugins_dir(directory: str | os.PathLike[str], pm: pluggy.PluginManager | None = None) -> list[str]:
    """Register every ``*.py`` file in ``directory`` as a plugin named after
    the file. Returns the names of the plugins loaded."""
    pm = pm or get_plugin_manager()
    loaded = []
    path = Path(directory)
    if not path.is_dir():
        _warn(f"plugins directory {str(path)!r} does not exist")
        return loaded
    for file in sorted(path.glob("*.py")):
        name = file.stem
        if pm.get_plugin(name) is not None:
            continue
        spec = importlib.util.spec_from_file_location(f"claimtrack_plugins_dir.{name}", file)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            _warn(f"plugin {str(file)!r} failed to load: {type(exc).__name__}: {exc}")
            continue
        if _register_checked(pm, module, name):
            loaded.append(name)
    return loaded


def plugin_info(all_plugins: bool = False) -> list[dict[str, Any]]:
    """What ``claimtrack plugins`` prints: each plugin's name, version and the
    hooks it implements. Default plugins are listed only with ``all_plugins``."""
    pm = get_plugin_manager()
    rows = []
    for plugin in pm.get_plugins():
        name = pm.get_name(plugin) or repr(plugin)
        default = name in DEFAULT_PLUGINS
        if default and not all_plugins:
            continue
        hooks = sorted(caller.name for caller in pm.get_hookcallers(plugin) or [])
        version = plugin_versions.get(name)
        if version is None and default:
            from claimtrack import __version__

            version = __version__
        rows.append({"name": name, "version": version, "hooks": hooks, "default": default})
    return sorted(rows, key=lambda row: (not row["default"], row["name"]))


def registered(hook_name: str) -> dict[str, Any]:
    """What plugins register through a ``register_*`` hook (importers,
    exporters, linkers, embedders), by ``name``; a later registration of a
    name wins."""
    found: dict[str, Any] = {}
    getattr(get_plugin_manager().hook, hook_name)(register=lambda item: found.__setitem__(item.name, item))
    return found


def hook_implementations(hook_name: str) -> list[tuple[str, Any]]:
    """(plugin name, implementation function) for ``hook_name``, in the order
    pluggy would call them."""
    pm = get_plugin_manager()
    caller = getattr(pm.hook, hook_name)
    return [(impl.plugin_name, impl) for impl in reversed(caller.get_hookimpls())]


def reset() -> None:
    """Forget the loaded plugins; the next :func:`get_plugin_manager` loads
    them again. For tests."""
    global _pm
    _pm = None
    plugin_versions.clear()
