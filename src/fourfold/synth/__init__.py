"""Synthetic force generator (`fourfold synth`). Never imported by analysis code."""
