/* global document, HTMLSelectElement */
// Progressive enhancement for /<lang>/projects (issue 12 review): picking an oblast narrows the district list to
// that oblast's rayons. The pages ship no framework JavaScript (csr = false), so this is a plain file the page
// links; without it the list holds every rayon and the server drops a rayon outside the oblast, with a notice.
// The rayon list's <optgroup>s are labelled with each oblast's full name, the same text as the oblast's option.
(() => {
	const oblast = document.getElementById('f-oblast');
	const rayon = document.getElementById('f-rayon');
	if (!(oblast instanceof HTMLSelectElement) || !(rayon instanceof HTMLSelectElement)) return;
	const groups = [...rayon.querySelectorAll('optgroup')];
	const narrow = () => {
		const picked = oblast.value ? (oblast.selectedOptions[0]?.label ?? '') : '';
		const current = rayon.value;
		for (const group of groups) group.remove();
		for (const group of groups) if (!picked || group.label === picked) rayon.append(group);
		rayon.value = [...rayon.options].some((o) => o.value === current) ? current : '';
	};
	oblast.addEventListener('change', narrow);
	narrow();
})();
