/**
 * Label and field selectors as Kubernetes parses, prints and matches them: {@link
 * io.skiff.api.selector.LabelSelector} (equality, set-based, existence, gt/lt) and {@link
 * io.skiff.api.selector.FieldSelector} (=, ==, != with backslash escapes). Both are immutable,
 * print canonically, and reject bad input with Kubernetes' messages as {@link
 * io.skiff.api.selector.InvalidSelectorException}.
 */
package io.skiff.api.selector;
