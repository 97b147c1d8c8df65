package io.skiff.apiserver.registry;

import io.skiff.apiserver.ApiErrors;
import io.skiff.apiserver.ApiException;
import io.skiff.storage.StorageException;
import io.skiff.storage.StorageTimeoutException;
import io.skiff.storage.StorageUnavailableException;

/** Storage failures that are not about the object (timeouts, an unreachable backend) as API errors. */
final class StorageErrors {
    private StorageErrors() {}

    static ApiException map(StorageException e) {
        if (e instanceof StorageTimeoutException) {
            return ApiErrors.storageTimeout("the storage did not answer in time: " + e.getMessage());
        }
        if (e instanceof StorageUnavailableException) {
            return ApiErrors.serviceUnavailable("the storage is unavailable: " + e.getMessage());
        }
        return ApiErrors.internal(e);
    }
}
