"""Format readers: each turns one input file into the same DocumentModel (lines with positions).

Everything after reading (layout recognition, normalization) is format-independent and
lives in hytetool.normalize.
"""
