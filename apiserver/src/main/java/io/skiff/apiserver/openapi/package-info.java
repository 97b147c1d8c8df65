/**
 * {@code /openapi/v2}: a Swagger 2.0 document of the served kinds, generated from the API model
 * (definitions named as Kubernetes names them, with group-version-kind and strategic-merge
 * extensions) and served as JSON or as gnostic's {@code openapi_v2.Document} protobuf, which is
 * what kubectl 1.20 fetches for its client-side validation and apply patches.
 */
package io.skiff.apiserver.openapi;
