// A linked order's status, said in the buyer's words. Codes come from WB (wbStatus / supplierStatus), Ozon
// (posting status) and Yandex Market (order status); a status already written in Russian is used as it is.
// Unknown codes say nothing rather than show the buyer a machine word.

const PHRASES: Array<[RegExp, string]> = [
	[/^(?:ready_for_pickup|pickup|arrived_to_pickup_point|ожидает\s+в\s+пункте.*)$/i, 'ожидает вас в пункте выдачи'],
	[
		/^(?:sorted|accepted_by_carrier|sent_to_carrier|delivering|delivery|driver_pickup|awaiting_deliver|sent|in_transit|в\s+пути)$/i,
		'в пути',
	],
	[/^(?:postponed_delivery)$/i, 'в пути, доставка перенесена'],
	[/^(?:waiting|new|confirm|awaiting_packaging|awaiting_registration|acceptance_in_progress|processing|reserved)$/i, 'собирается к отправке'],
	[/^(?:sold|delivered|complete|получен)$/i, 'отмечен как полученный'],
	[/^(?:canceled|cancelled|cancel|canceled_by_client|declined_by_client|cancelled_in_processing|отмен[её]н)$/i, 'отменён'],
];

export function orderStatusPhrase(status: string | undefined): string | undefined {
	if (!status) return undefined;
	const s = status.trim();
	for (const [re, phrase] of PHRASES) if (re.test(s)) return phrase;
	// A Russian status from the seller's own system, short enough to quote.
	if (/^[а-яё][а-яё\s-]{2,40}$/i.test(s)) return `в статусе «${s.toLocaleLowerCase('ru-RU')}»`;
	return undefined;
}
