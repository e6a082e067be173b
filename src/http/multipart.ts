// WB's chat API takes multipart/form-data. Building the body here keeps the node free of a form-data dependency
// and makes the exact bytes testable.

export interface MultipartBody {
	body: string;
	contentType: string;
}

function escapeName(name: string): string {
	return name.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
}

export function buildMultipart(fields: Record<string, string>, boundary: string): MultipartBody {
	if (!/^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/.test(boundary)) throw new Error(`invalid multipart boundary "${boundary}"`);
	let body = '';
	for (const [name, value] of Object.entries(fields)) {
		if (value.includes(`--${boundary}`)) throw new Error(`field "${name}" contains the multipart boundary`);
		body += `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"\r\n\r\n${value}\r\n`;
	}
	body += `--${boundary}--\r\n`;
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
