/**
 * Names the generator gives to what it declares in a trace. Numbers run across the whole
 * city in district order (`slot-1` is in the first district), from 1:
 *
 * | what                                      | name                 |
 * |-------------------------------------------|----------------------|
 * | slot owner                                | `owner-3`            |
 * | driver only                               | `driver-17`          |
 * | citizen only                              | `citizen-204`        |
 * | one person both citizen and driver        | `citizen-driver-12`  |
 * | kiosk                                     | `kiosk-5`            |
 * | merchant                                  | `merchant-2`         |
 * | slot                                      | `slot-12`            |
 * | booking, numbered in file order           | `b1042`              |
 * | receipt id, numbered in file order        | `r77`                |
 */

export const ownerName = (n: number): string => `owner-${n}`;
export const driverName = (n: number): string => `driver-${n}`;
export const citizenName = (n: number): string => `citizen-${n}`;
export const citizenDriverName = (n: number): string => `citizen-driver-${n}`;
export const kioskName = (n: number): string => `kiosk-${n}`;
export const merchantName = (n: number): string => `merchant-${n}`;
export const slotName = (n: number): string => `slot-${n}`;
export const bookingName = (n: number): string => `b${n}`;
export const receiptName = (n: number): string => `r${n}`;
