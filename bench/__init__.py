"""Benchmarks: large, realistic journals and a runner that measures what a person feels."""
