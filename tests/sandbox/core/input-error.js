'use strict';
// Bad input from a caller of the control API or the JS methods: answered with 400 and the message,
// which names the field at fault.

class InputError extends Error {
	get isInputError() {
		return true;
	}
}

module.exports = { InputError };
