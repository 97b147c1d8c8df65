/** PATCH formats: JSON merge patch, JSON patch and Kubernetes' strategic merge patch (keyed by a table). */
package io.skiff.apiserver.patch;
