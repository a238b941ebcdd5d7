"""``completion bash|zsh|fish``: print the shell completion script."""

from __future__ import annotations

from typing import Annotated, Literal

from parvel.console.kernel import ConsoleKernel
from parvel.support.console import Argument, Output, command


@command("completion", needs_app=False)
def completion(
    shell: Annotated[Literal["bash", "zsh", "fish"], Argument(help="bash, zsh or fish")],
    *,
    kernel: ConsoleKernel,
    out: Output,
) -> int:
    """Dump the shell completion script.

    Add it to your shell's start-up file, e.g. for bash:
    eval "$(parvel completion bash)"
    """
    from click.shell_completion import get_completion_class

    cls = get_completion_class(shell)
    if cls is None:  # pragma: no cover - click ships all three
        out.error(f"Unsupported shell {shell}.")
        return 1
    source = cls(kernel.build(), {}, "parvel", "_PARVEL_COMPLETE").source()
    out.console.file.write(source if source.endswith("\n") else source + "\n")
    return 0
