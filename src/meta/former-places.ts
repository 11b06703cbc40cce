/**
 * Prefecture-level cities that no longer exist under these names (china-area-data lists today's
 * divisions only), so that older documents still name their place: a 2014 report of 莱芜市 is
 * 莱芜市's. Only names that are not today's name of another place are listed (巢湖市 is now a
 * county-level city, so it is not). Source: the State Council's approvals of the changes.
 */
export interface FormerPlace {
  name: string;
  province: string;
  /** what it became, for the reader */
  became: string;
}

export const FORMER_CITIES: readonly FormerPlace[] = [
  { name: "莱芜市", province: "山东省", became: "济南市莱芜区、钢城区 (2019)" },
  { name: "襄樊市", province: "湖北省", became: "襄阳市 (2010)" },
  { name: "思茅市", province: "云南省", became: "普洱市 (2007)" },
];
