/**
 * Demo sign-in accounts. Seeded only outside production (see seed.ts); the TOTP secrets are
 * public on purpose so anyone trying the demo can compute codes (`assay totp <secret>`).
 */
export const DEMO_PASSWORD = 'assay-demo-2026';

export const DEMO_ACCOUNTS = {
  operator: {
    email: 'operator@assay.example',
    name: 'Ines Duarte',
    password: DEMO_PASSWORD,
    totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  customsFrCoordinator: {
    email: 'coordinator@douane-fr.example',
    name: 'Camille Morel',
    password: DEMO_PASSWORD,
    totpSecret: 'KRUGKIDROVUWG2ZAMJZG653OEBTG66BA',
  },
  customsFrOfficer: {
    email: 'officer@douane-fr.example',
    name: 'Julien Faure',
    password: DEMO_PASSWORD,
    totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  },
  customsFrAnalyst: {
    email: 'analyst@douane-fr.example',
    name: 'Sophie Lambert',
    password: DEMO_PASSWORD,
    totpSecret: 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U',
  },
  customsKeCoordinator: {
    email: 'coordinator@customs-ke.example',
    name: 'Wanjiru Kamau',
    password: DEMO_PASSWORD,
    totpSecret: 'ONSWG4TFOQQGC3DMEB2GQZJAMZSWC5DV',
  },
  customsKeOfficer: {
    email: 'officer@customs-ke.example',
    name: 'Otieno Ochieng',
    password: DEMO_PASSWORD,
    totpSecret: 'NBSWY3DPFQQHO33SNRSCCIJBEEQSCIJB',
  },
  policeFrOfficer: {
    email: 'officer@police-fr.example',
    name: 'Luc Bernard',
    password: DEMO_PASSWORD,
    totpSecret: 'OBQXG43XN5ZGIMJSGM2DKNRXHA4TAMJS',
  },
  pharmaAdmin: {
    email: 'brand.protection@halvorsen-pharma.example',
    name: 'Ingrid Halvorsen',
    password: DEMO_PASSWORD,
    totpSecret: 'IFBEGRCFIZDUQSKKJNGE2TSPKBIVEU2U',
  },
  pharmaMember: {
    email: 'analyst@halvorsen-pharma.example',
    name: 'Erik Solberg',
    password: DEMO_PASSWORD,
    totpSecret: null,
  },
  sportswearAdmin: {
    email: 'ip@corvid-athletics.example',
    name: 'Maya Okafor',
    password: DEMO_PASSWORD,
    totpSecret: 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD',
  },
  lawFirmAdmin: {
    email: 'partner@marchetti-lund.example',
    name: 'Paolo Marchetti',
    password: DEMO_PASSWORD,
    totpSecret: 'GAYTEMZUGU3DOOBZGAYTEMZUGU3DOOBZ',
  },
  pendingApplicantAdmin: {
    email: 'legal@aurelio-leather.example',
    name: 'Giulia Aurelio',
    password: DEMO_PASSWORD,
    totpSecret: null,
  },
} as const;

export type DemoAccountKey = keyof typeof DEMO_ACCOUNTS;
