import fs from "node:fs";

/** Articles for the draft tests: the seed article as a teacher would upload it, and a short science piece to paste. */
export const SEED_ARTICLE_MD = fs.readFileSync("content/articles/russia-ukraine-nato.md", "utf8");

export const SCIENCE_ARTICLE = `How penicillin was discovered

In September 1928, Alexander Fleming returned to his laboratory at St Mary's Hospital in London after a holiday in Suffolk. He noticed that a mould had contaminated one of his dishes of Staphylococcus bacteria, and that the bacteria around the mould had died.

Fleming identified the mould as Penicillium notatum and called the substance it released penicillin. He published his findings in 1929 in the British Journal of Experimental Pathology, but he struggled to purify the compound and most of his colleagues paid little attention.

A decade later, Howard Florey and Ernst Chain at the University of Oxford took up the work. Their team, with the biochemist Norman Heatley, found a way to extract and purify penicillin in useful amounts. In 1941 they treated their first patient, a police officer named Albert Alexander, who improved at first but died when the supply ran out.

According to Florey, the drug would only change medicine if it could be made in factories. American companies such as Pfizer developed deep-tank fermentation, and by 1944 enough penicillin was produced to treat Allied soldiers wounded in the Normandy landings.

Fleming, Florey and Chain shared the Nobel Prize in Physiology or Medicine in 1945. In his Nobel lecture, Fleming warned that bacteria could become resistant to penicillin if people took too little of it for too short a time.
`;
