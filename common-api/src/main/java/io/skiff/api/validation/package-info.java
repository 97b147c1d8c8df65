/**
 * Validation primitives worded as Kubernetes words them: {@link io.skiff.api.validation.FieldPath},
 * {@link io.skiff.api.validation.FieldError} and {@link io.skiff.api.validation.ErrorList} (field
 * errors and their aggregate), the string rules of {@link io.skiff.api.validation.Validation}, and
 * the field-level helpers of {@link io.skiff.api.validation.FieldValidation} that kind validation
 * builds on. Every validator reports every problem it finds.
 */
package io.skiff.api.validation;
