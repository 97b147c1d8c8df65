/** Server-side printing (Tables) of GET, LIST and WATCH answers: the seam the Table printer fills. */
package io.skiff.apiserver.printing;
