/** Who sends a request and what they may do: the seams the secure port's token auth fills. */
package io.skiff.apiserver.auth;
