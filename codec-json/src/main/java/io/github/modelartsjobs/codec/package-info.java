/** JSON encoding and decoding of training job details. */
package io.github.modelartsjobs.codec;
