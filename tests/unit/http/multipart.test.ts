import { buildMultipart } from '../../../src/http/multipart';

describe('multipart body', () => {
	it('encodes fields with CRLF framing and the boundary in the content type', () => {
		const { body, contentType } = buildMultipart({ replySign: 'abc', message: 'Здравствуйте!\nСпасибо' }, 'b0undary');
		expect(contentType).toBe('multipart/form-data; boundary=b0undary');
		expect(body).toBe(
			'--b0undary\r\nContent-Disposition: form-data; name="replySign"\r\n\r\nabc\r\n' +
				'--b0undary\r\nContent-Disposition: form-data; name="message"\r\n\r\nЗдравствуйте!\nСпасибо\r\n' +
				'--b0undary--\r\n',
		);
	});

	it('refuses a value that contains the boundary', () => {
		expect(() => buildMultipart({ message: 'x --b0undary y' }, 'b0undary')).toThrow('contains the multipart boundary');
	});

	it('refuses an invalid boundary', () => {
		expect(() => buildMultipart({}, 'bad boundary"')).toThrow('invalid multipart boundary');
	});
});
