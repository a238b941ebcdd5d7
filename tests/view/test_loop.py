from __future__ import annotations

from parvel.view import Loop


def test_loop_fields():
    loop = Loop(["a", "b", "c"])
    seen = []
    for item in loop:
        seen.append((item, loop.index, loop.iteration, loop.remaining, loop.first, loop.last))
    assert seen == [
        ("a", 0, 1, 2, True, False),
        ("b", 1, 2, 1, False, False),
        ("c", 2, 3, 0, False, True),
    ]
    assert (loop.count, loop.depth, loop.parent) == (3, 1, None)


def test_parent_and_depth():
    outer = Loop([1])
    inner = Loop([2], outer)
    assert (inner.depth, inner.parent) == (2, outer)
    assert Loop([], "not a loop").parent is None


def test_none_and_generators():
    assert Loop(None).count == 0
    assert Loop(x for x in range(4)).count == 4
