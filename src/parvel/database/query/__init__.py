"""The query builder, raw expressions and the per-dialect grammars."""
