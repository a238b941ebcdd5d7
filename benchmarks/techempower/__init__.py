"""TechEmpower-style benchmarks: Parvel and its peers on the same machine, in the same run."""
