"""Reading YAML for validation only, fast: libyaml's parser and a lean object builder.

PyYAML's C loader parses and composes the node tree in C (libyaml), but builds the
Python objects in Python, one `construct_object` call per node with its bookkeeping
(memo, recursion guard, constructor lookup, generators for two-step collections). For
a year of 300 documents (1.2 million nodes) that was half of the loading time. `load`
builds the same objects with one small recursive function for the nodes documents are
made of (plain mappings, sequences, strings, numbers, booleans, nulls) and hands every
other node (merge keys, `!!set`, `!!binary`, timestamps, ...) to PyYAML's own
constructor, so the result equals `yaml.load(text, Loader=FastLoader)`:
tests/test_fastyaml.py compares both on the bench year's documents and on YAML that
uses every feature above.
"""

from __future__ import annotations

from typing import Any

import yaml as pyyaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from hytetool import yamlguard
from hytetool.limits import MAX_YAML_NODES

STR_TAG = "tag:yaml.org,2002:str"
MAP_TAG = "tag:yaml.org,2002:map"
SEQ_TAG = "tag:yaml.org,2002:seq"
# Scalars whose PyYAML constructor is a plain function of the node (no generator, no memo).
SIMPLE_SCALAR_TAGS = frozenset({"tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                                "tag:yaml.org,2002:null"})
# Keys that make PyYAML rewrite a mapping (merge `<<`, value `=`): left to PyYAML.
SPECIAL_KEY_TAGS = frozenset({"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"})


class FastLoader(getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's C parser (PyYAML) for reading only: about 20x faster than ruamel's
    round-trip parser, which keeps comments we do not need when only reading.
    Duplicate keys are refused here too (PyYAML would keep the last silently)."""

    def construct_mapping(self, node, deep=False):  # noqa: ANN001 - PyYAML's signature
        _refuse_duplicate_keys(node)
        return super().construct_mapping(node, deep=deep)


def _refuse_duplicate_keys(node: MappingNode) -> None:
    keys = [key.value for key, _ in node.value]  # scalar keys: compared as written, cheaply
    if len(keys) != len(set(keys)):
        raise pyyaml.constructor.ConstructorError(None, None, "duplicate key", node.start_mark)


def load(text: str) -> Any:
    """What `yaml.load(text, Loader=FastLoader)` gives, built faster. Raises where it
    raises (a YAML error, a duplicate key, a node PyYAML cannot construct), though an
    unhashable key gives TypeError here: callers take any exception as "read it slowly"."""
    loader = FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if "&" in text or len(text) > 2 * MAX_YAML_NODES:  # aliases may expand; or enough text for
            yamlguard.check_node(node)  # the budget (a value takes two characters at least)
        data = _Builder(loader).build(node)
        while loader.state_generators:  # what PyYAML's construct_document finishes last
            generators, loader.state_generators = loader.state_generators, []
            for generator in generators:
                for _ in generator:
                    pass
        return data
    finally:
        loader.dispose()


class _Builder:
    def __init__(self, loader: FastLoader) -> None:
        self.loader = loader
        self.built: dict[int, Any] = {}  # id(collection node) -> its object: aliases share it, as in PyYAML
        self.nodes: list[Any] = []  # keeps the nodes of `built` alive, so an id is never reused

    def build(self, node: Any) -> Any:
        kind = node.__class__
        if kind is ScalarNode:
            tag = node.tag
            if tag == STR_TAG:
                return node.value
            if tag in SIMPLE_SCALAR_TAGS:
                return self.loader.yaml_constructors[tag](self.loader, node)
            return self.loader.construct_object(node)
        known = self.built.get(id(node))
        if known is not None:
            return known
        if kind is MappingNode and node.tag == MAP_TAG:
            _refuse_duplicate_keys(node)
            if any(key.tag in SPECIAL_KEY_TAGS for key, _ in node.value):
                return self.loader.construct_object(node)
            mapping: dict[Any, Any] = {}
            self._remember(node, mapping)  # before the children: a recursive alias finds it
            build = self.build
            for key_node, value_node in node.value:  # strings inline: most keys and values are
                key = key_node.value if key_node.__class__ is ScalarNode and key_node.tag == STR_TAG \
                    else build(key_node)  # the key first, as PyYAML does
                mapping[key] = value_node.value if value_node.__class__ is ScalarNode and value_node.tag == STR_TAG \
                    else build(value_node)  # an unhashable key raises TypeError here
            return mapping
        if kind is SequenceNode and node.tag == SEQ_TAG:
            items: list[Any] = []
            self._remember(node, items)
            items.extend([self.build(child) for child in node.value])
            return items
        return self.loader.construct_object(node)

    def _remember(self, node: Any, value: Any) -> None:
        self.built[id(node)] = value
        self.nodes.append(node)
