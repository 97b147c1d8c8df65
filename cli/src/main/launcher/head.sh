#!/bin/sh
# skiff: a small Kubernetes in one file. This shell prologue finds a JDK >= 21 and runs the jar
# appended below it (a zip is read from its end, so the prologue does not disturb it).
