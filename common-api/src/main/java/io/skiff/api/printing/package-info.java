/**
 * Human-readable tables of API objects, with exactly the columns kubectl prints: the
 * {@code meta.k8s.io/v1 Table} the apiserver answers to {@code Accept: ...;as=Table}, and the
 * text layout of {@code kubectl get}. Pure functions of an object and the current time, so the
 * apiserver (server-side printing) and the {@code skiff} CLI (e.g. for {@code get -w}) share
 * them: the columns live in this one place.
 */
package io.skiff.api.printing;
