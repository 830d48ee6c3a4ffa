/** An HTTP adapter for the ModelArts training job API. */
package io.github.modelartsjobs.http;
