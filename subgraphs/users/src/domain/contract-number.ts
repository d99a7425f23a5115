/** Contract numbers are 8 to 10 letters and digits, used with their case as printed. */
const CONTRACT_NUMBER = /^[A-Za-z0-9]{8,10}$/;

export const isContractNumber = (value: string): boolean => CONTRACT_NUMBER.test(value);
